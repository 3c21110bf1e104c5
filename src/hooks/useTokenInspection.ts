import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import {
	fetchPublicKeys,
	fetchRevealedToken,
	fetchSettings,
	runChecks,
	toRestError,
} from '../api';
import { decodeToken, type DecodedToken } from '../inspector/decode';
import {
	judgeByServer,
	judgeUnverified,
	judgeVerified,
	malformed,
	type Inspection,
	type TokenSource,
} from '../inspector/inspect';
import {
	expectationsFor,
	hasSubtleCrypto,
	verifyToken,
} from '../inspector/verify';
import type { RestError, Settings } from '../types';

export interface UseTokenInspection {
	data: Inspection | null;
	isBusy: boolean;
	error: RestError | null;
	inspectCurrent: () => void;
	inspectPasted: ( text: string ) => void;
}

async function verifyHere(
	source: TokenSource,
	decoded: DecodedToken,
	settings: Settings
): Promise< Inspection > {
	const keys = await fetchPublicKeys();
	const verification = await verifyToken(
		decoded.token,
		keys,
		expectationsFor( settings.apiUrl )
	);
	return judgeVerified( source, decoded, settings, verification );
}

async function inspectCurrentToken(): Promise< Inspection > {
	const description = await fetchRevealedToken();
	const result = decodeToken( description.token ?? '' );
	if ( ! result.ok ) {
		return malformed( 'current' );
	}
	const settings = await fetchSettings();
	if ( hasSubtleCrypto() ) {
		return verifyHere( 'current', result.decoded, settings );
	}
	// No WebCrypto on this page: the server checks the token it holds instead.
	const run = await runChecks();
	return judgeByServer( result.decoded, settings, run.checks );
}

async function inspectPastedToken( text: string ): Promise< Inspection > {
	const result = decodeToken( text );
	if ( ! result.ok ) {
		return malformed( 'pasted' );
	}
	// The settings and the public keys are fetched; the pasted token never leaves the browser.
	const settings = await fetchSettings();
	if ( ! hasSubtleCrypto() ) {
		return judgeUnverified( result.decoded, settings );
	}
	return verifyHere( 'pasted', result.decoded, settings );
}

/**
 * Inspects the current token or a pasted one. Only the latest request's answer is kept, so a quick second
 * click can't be overwritten by a slow first one.
 */
export function useTokenInspection(): UseTokenInspection {
	const [ data, setData ] = useState< Inspection | null >( null );
	const [ error, setError ] = useState< RestError | null >( null );
	const [ isBusy, setIsBusy ] = useState( false );
	const latest = useRef( 0 );

	useEffect(
		() => () => {
			latest.current = -1;
		},
		[]
	);

	const run = useCallback( ( task: () => Promise< Inspection > ) => {
		const attempt = ++latest.current;
		setIsBusy( true );
		setError( null );
		task()
			.then( ( inspection ) => {
				if ( attempt === latest.current ) {
					setData( inspection );
				}
			} )
			.catch( ( reason: unknown ) => {
				if ( attempt === latest.current ) {
					setData( null );
					setError( toRestError( reason ) );
				}
			} )
			.finally( () => {
				if ( attempt === latest.current ) {
					setIsBusy( false );
				}
			} );
	}, [] );

	const inspectCurrent = useCallback(
		() => run( inspectCurrentToken ),
		[ run ]
	);
	const inspectPasted = useCallback(
		( text: string ) => run( () => inspectPastedToken( text ) ),
		[ run ]
	);

	return { data, isBusy, error, inspectCurrent, inspectPasted };
}
