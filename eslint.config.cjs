// wp-scripts' ESLint setup, plus one change for TypeScript: parameter types and names already document
// a function, so JSDoc @param tags are optional there.
const wpScriptsConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );

module.exports = [
	...( Array.isArray( wpScriptsConfig )
		? wpScriptsConfig
		: [ wpScriptsConfig ] ),
	{
		files: [ '**/*.ts', '**/*.tsx' ],
		rules: {
			'jsdoc/require-param': 'off',
		},
	},
	{
		ignores: [
			'build/**',
			'vendor/**',
			'.cache/**',
			'artifacts/**',
			'dist/**',
		],
	},
];
