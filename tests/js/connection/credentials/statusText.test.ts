import { statusText } from '../../../../src/connection/credentials/statusText';

describe( 'statusText, the sentence the credentials form announces', () => {
	it.each( [
		[
			'a save checked with the API',
			'save',
			true,
			'Checking the credentials with Causerie…',
		],
		[ 'a save of another profile', 'save', false, 'Saving…' ],
		[
			'a test',
			'verify',
			false,
			'Checking the credentials with Causerie…',
		],
	] as const )(
		'says what is under way during %s',
		( _name, busy, verified, text ) => {
			expect( statusText( busy, null, verified ) ).toBe( text );
		}
	);

	it( 'names why a save failed, in the diagnosis title or the message', () => {
		expect(
			statusText(
				null,
				{
					kind: 'failed',
					action: 'save',
					failure: {
						fieldErrors: {},
						message: 'The API did not answer.',
						diagnosis: null,
					},
				},
				true
			)
		).toBe( 'Not saved: The API did not answer.' );
	} );

	it( 'says nothing before the first request', () => {
		expect( statusText( null, null, true ) ).toBe( '' );
	} );
} );
