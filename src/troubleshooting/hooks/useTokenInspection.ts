import { useCallback } from '@wordpress/element';

import { fetchSettings, runChecks } from '../../shared/api/connection';
import {
	fetchPublicKeys,
	fetchRevealedToken,
} from '../../shared/api/troubleshooting';
import { useRequest } from '../../shared/hooks/useRequest';
import { decodeToken, type DecodedToken } from '../inspector/decode';
import {
	judgeByServer,
	judgeUnverified,
	judgeVerified,
	malformed,
	opaqueToken,
	tooLarge,
	type Inspection,
	type TokenSource,
} from '../inspector/inspect';
import {
	expectationsFor,
	hasSubtleCrypto,
	verifyToken,
} from '../inspector/verify';
import type {
	AuthorizationServer,
	PublicKeys,
	RestError,
	Settings,
} from '../../shared/types';

export interface UseTokenInspection {
	data: Inspection | null;
	isBusy: boolean;
	error: RestError | null;
	inspectCurrent: () => void;
	inspectPasted: ( text: string ) => void;
}

type Server = AuthorizationServer | null;

/**
 * The published keys, asked for again by the token's kid when the cached set lacks it: the server then
 * fetches them anew, so a key rotated in since is found before the token is called unknown.
 *
 * @param decoded The token.
 */
async function keysFor( decoded: DecodedToken ): Promise< PublicKeys > {
	const keys = await fetchPublicKeys();
	const { kid } = decoded.header;
	const known = keys.keys.some( ( key ) => key.kid === kid );
	return typeof kid === 'string' && kid !== '' && ! known
		? fetchPublicKeys( kid )
		: keys;
}

async function verifyHere(
	source: TokenSource,
	decoded: DecodedToken,
	settings: Settings,
	server: Server
): Promise< Inspection > {
	const expectations = expectationsFor( settings.apiUrl, server );
	const verification = await verifyToken(
		decoded.token,
		await keysFor( decoded ),
		expectations
	);
	return judgeVerified(
		source,
		decoded,
		settings,
		verification,
		expectations
	);
}

function refused(
	source: TokenSource,
	code: 'token_malformed' | 'token_too_large'
): Inspection {
	return code === 'token_too_large'
		? tooLarge( source )
		: malformed( source );
}

async function inspectCurrentToken( server: Server ): Promise< Inspection > {
	const description = await fetchRevealedToken();
	if ( description.format === 'opaque' ) {
		return opaqueToken();
	}
	const result = decodeToken( description.token ?? '' );
	if ( ! result.ok ) {
		return refused( 'current', result.code );
	}
	const settings = await fetchSettings();
	if ( hasSubtleCrypto() ) {
		return verifyHere( 'current', result.decoded, settings, server );
	}
	// No WebCrypto on this page: the server checks the token it holds instead.
	const run = await runChecks();
	return judgeByServer(
		result.decoded,
		settings,
		run.checks,
		expectationsFor( settings.apiUrl, server )
	);
}

async function inspectPastedToken(
	text: string,
	server: Server
): Promise< Inspection > {
	const result = decodeToken( text );
	if ( ! result.ok ) {
		return refused( 'pasted', result.code );
	}
	// The settings and the public keys are fetched; the pasted token never leaves the browser.
	const settings = await fetchSettings();
	if ( ! hasSubtleCrypto() ) {
		return judgeUnverified(
			result.decoded,
			settings,
			expectationsFor( settings.apiUrl, server )
		);
	}
	return verifyHere( 'pasted', result.decoded, settings, server );
}

/**
 * Inspects the current token or a pasted one. Only the latest request's answer is kept, so a quick second
 * click can't be overwritten by a slow first one.
 *
 * @param server The sign-in service found for the API address, whose issuer and audience tokens carry.
 */
export function useTokenInspection(
	server: Server = null
): UseTokenInspection {
	const { data, isBusy, error, run } = useRequest(
		( inspect: () => Promise< Inspection > ) => inspect()
	);

	const inspectCurrent = useCallback(
		() => void run( () => inspectCurrentToken( server ) ),
		[ run, server ]
	);
	const inspectPasted = useCallback(
		( text: string ) =>
			void run( () => inspectPastedToken( text, server ) ),
		[ run, server ]
	);

	// A failed inspection shows no earlier result beside its error.
	return {
		data: error ? null : data,
		isBusy,
		error,
		inspectCurrent,
		inspectPasted,
	};
}
