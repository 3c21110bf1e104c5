import {
	effectiveAppearance,
	normalizeColor,
} from '../../../src/widget/appearance';
import { OFF, SETTINGS } from './fixtures';

describe( 'The chatbot appearance', () => {
	it.each( [
		[ 'upper case', '#A1B2C3', '#a1b2c3' ],
		[ 'short form', '#AbC', '#aabbcc' ],
		[ 'spaces around', ' #123456 ', '#123456' ],
		[ 'with alpha', '#12345678', '' ],
		[ 'a name', 'red', '' ],
		[ 'nothing', undefined, '' ],
	] )(
		'stores a picked colour as the server accepts it: %s',
		( _case, picked, stored ) => {
			expect( normalizeColor( picked ) ).toBe( stored );
		}
	);

	it( "follows the bot's theme for every empty override", () => {
		expect( effectiveAppearance( SETTINGS.appearance, OFF.bot ) ).toEqual( {
			color: '#123456',
			textColor: '#ffffff',
			position: 'bottom-right',
			greeting: 'Hello! Ask me about the shop.',
			launcherText: '',
		} );
	} );

	it( 'takes each override that is set, and treats a greeting of spaces as empty', () => {
		expect(
			effectiveAppearance(
				{
					color: '#aa0000',
					position: 'bottom-left',
					greeting: '   ',
					launcherText: ' Questions? ',
				},
				OFF.bot
			)
		).toEqual( {
			color: '#aa0000',
			textColor: '#ffffff',
			position: 'bottom-left',
			greeting: 'Hello! Ask me about the shop.',
			launcherText: 'Questions?',
		} );
	} );

	it( 'draws something plausible before the bot was ever fetched', () => {
		expect( effectiveAppearance( SETTINGS.appearance, null ) ).toEqual(
			expect.objectContaining( {
				position: 'bottom-right',
				greeting: '',
			} )
		);
	} );
} );
