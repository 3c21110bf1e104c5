/**
 * jsdom with the Web APIs that jose needs and jsdom lacks, taken from Node: TextEncoder, TextDecoder,
 * structuredClone and WebCrypto (crypto.subtle). They have to be set here rather than in a setup file,
 * because structuredClone only exists outside jsdom's sandbox.
 */
// The jsdom environment of @wordpress/scripts' jest, so that its version always matches jest's.
// eslint-disable-next-line import/no-extraneous-dependencies
const { TestEnvironment } = require( 'jest-environment-jsdom' );

class JsdomWithWebCrypto extends TestEnvironment {
	constructor( config, context ) {
		super( config, context );
		Object.assign( this.global, {
			TextEncoder,
			TextDecoder,
			structuredClone,
		} );
		Object.defineProperty( this.global, 'crypto', {
			value: globalThis.crypto,
			configurable: true,
			writable: true,
		} );
	}
}

module.exports = JsdomWithWebCrypto;
