// wp-scripts' jest preset, limited to the unit tests (the cache holds whole WordPress trees).
// Jest appends setupFilesAfterEnv to the preset's own.
const wpScriptsConfig = require( '@wordpress/scripts/config/jest-unit.config.js' );

module.exports = {
	...wpScriptsConfig,
	reporters: [ 'default' ],
	roots: [ '<rootDir>/tests/js' ],
	setupFilesAfterEnv: [ '<rootDir>/tests/js/setup.ts' ],
	// jsdom plus WebCrypto and TextEncoder from Node, for jose (see the file).
	testEnvironment: '<rootDir>/tests/js/environment.js',
	// A few dependencies of @wordpress/components, and jose, ship ES modules only; Babel turns them into CommonJS.
	transform: {
		'\\.m?[jt]sx?$':
			require.resolve( '@wordpress/scripts/config/babel-transform' ),
	},
	transformIgnorePatterns: [ '/node_modules/(?!(uuid|@wordpress/theme|jose)/)' ],
};
