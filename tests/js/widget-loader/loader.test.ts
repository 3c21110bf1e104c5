import {
	CONFIG_ID,
	CONSENT_API_EVENT,
	CONSENT_TYPE_EVENT,
	SIGNAL_EVENT,
	start,
	type ConsentWindow,
} from '../../../src/widget-loader/loader';

const SRC = 'https://cdn.causerie.example/widget/v1/widget.js';

function page( loader: unknown ): void {
	document.body.innerHTML = '';
	const config = document.createElement( 'script' );
	config.type = 'application/json';
	config.id = CONFIG_ID;
	config.textContent = JSON.stringify( { botId: 'bot_1', loader } );
	document.body.appendChild( config );
}

const added = () =>
	Array.from( document.querySelectorAll( 'script[src]' ) ).map( ( script ) =>
		script.getAttribute( 'src' )
	);

const consentWindow = ( extra: Partial< ConsentWindow > ) =>
	Object.assign( Object.create( window ), extra ) as ConsentWindow;

describe( 'the widget’s consent loader', () => {
	it( 'adds the widget at once when the Consent API already allows the category', () => {
		page( { src: SRC, category: 'marketing' } );
		const asked: string[] = [];
		start(
			document,
			consentWindow( {
				wp_has_consent: ( category ) => {
					asked.push( category );
					return true;
				},
			} )
		);
		expect( added() ).toEqual( [ SRC ] );
		expect( asked ).toEqual( [ 'marketing' ] );
	} );

	it( 'waits for the Consent API to allow that category, ignoring others, and adds the widget once', () => {
		page( { src: SRC, category: 'marketing' } );
		start( document, consentWindow( { wp_has_consent: () => false } ) );
		const change = ( detail: Record< string, string > ) =>
			document.dispatchEvent(
				new CustomEvent( CONSENT_API_EVENT, { detail } )
			);

		change( { statistics: 'allow', marketing: 'deny' } );
		document.dispatchEvent( new Event( SIGNAL_EVENT ) );
		expect( added() ).toEqual( [] );
		change( { marketing: 'allow' } );
		change( { marketing: 'allow' } );
		expect( added() ).toEqual( [ SRC ] );
	} );

	it( 'when a banner will define the consent type later, asks the Consent API only once it has', () => {
		page( { src: SRC, category: 'marketing' } );
		// The Consent API's answer: yes to everything while no consent type is set, then the visitor's choice.
		const win = consentWindow( { waitfor_consent_hook: true } );
		win.wp_has_consent = () => win.wp_consent_type === undefined;
		start( document, win );
		expect( added() ).toEqual( [] );

		win.wp_consent_type = 'optin';
		document.dispatchEvent( new CustomEvent( CONSENT_TYPE_EVENT ) );
		expect( added() ).toEqual( [] );
		document.dispatchEvent(
			new CustomEvent( CONSENT_API_EVENT, {
				detail: { marketing: 'allow' },
			} )
		);
		expect( added() ).toEqual( [ SRC ] );
	} );

	it( 'when the banner defined the consent type before it ran, asks the Consent API at once', () => {
		page( { src: SRC, category: 'marketing' } );
		start(
			document,
			consentWindow( {
				waitfor_consent_hook: true,
				wp_consent_type: 'optout',
				wp_has_consent: () => true,
			} )
		);
		expect( added() ).toEqual( [ SRC ] );
	} );

	it( 'without a category, waits for the page’s own signal', () => {
		page( { src: SRC, category: null } );
		start( document, consentWindow( {} ) );
		expect( added() ).toEqual( [] );
		document.dispatchEvent( new Event( SIGNAL_EVENT ) );
		expect( added() ).toEqual( [ SRC ] );
	} );

	it( 'without a category, takes a signal given before it ran', () => {
		page( { src: SRC, category: null } );
		start( document, consentWindow( { causerieConsent: true } ) );
		expect( added() ).toEqual( [ SRC ] );
	} );

	it( 'does nothing without a usable configuration', () => {
		page( undefined );
		start( document, consentWindow( { causerieConsent: true } ) );
		document.body.innerHTML =
			'<script type="application/json" id="causerie-widget-config">{not json</script>';
		start( document, consentWindow( { causerieConsent: true } ) );
		expect( added() ).toEqual( [] );
	} );
} );
