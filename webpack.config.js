// The settings screen; the panel of the block editor's document sidebar (loaded only there); the chat block's
// editor script (build/block, beside its block.json); and the widget's consent loader (on visitors' pages).
// The screen's heavier tabs are chunks fetched when they first open (src/shared/lazyPanel.tsx): webpack finds
// them from the script's own address (its `publicPath: 'auto'`), and each stays one file, with what it bundles,
// so that bin/bundle-size.mjs measures a tab as one file.
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: {
		index: './src/index.tsx',
		editor: './src/editor/index.tsx',
		'block/index': './src/block/index.tsx',
		'widget-loader/index': './src/widget-loader/index.ts',
	},
	optimization: {
		...defaultConfig.optimization,
		splitChunks: {
			...defaultConfig.optimization.splitChunks,
			cacheGroups: {
				...defaultConfig.optimization.splitChunks.cacheGroups,
				defaultVendors: false,
			},
		},
	},
};
