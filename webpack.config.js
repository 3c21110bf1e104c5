// The settings screen; the panel of the block editor's document sidebar (loaded only there); the chat block's
// editor script (build/block, beside its block.json); and the widget's consent loader (on visitors' pages).
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: {
		index: './src/index.tsx',
		editor: './src/editor/index.tsx',
		'block/index': './src/block/index.tsx',
		'widget-loader/index': './src/widget-loader/index.ts',
	},
};
