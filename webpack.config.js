// Two bundles: the settings screen, and the panel of the block editor's document sidebar (loaded only there).
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: {
		index: './src/index.tsx',
		editor: './src/editor/index.tsx',
	},
};
