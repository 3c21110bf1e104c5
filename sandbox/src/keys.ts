import {
	calculateJwkThumbprint,
	exportJWK,
	generateKeyPair,
	type CryptoKey,
	type JWK,
} from 'jose';

export const SIGNING_ALGORITHMS = [ 'RS256', 'ES256' ] as const;
export type SigningAlgorithm = ( typeof SIGNING_ALGORITHMS )[ number ];

export interface SigningKey {
	kid: string;
	alg: SigningAlgorithm;
	privateKey: CryptoKey;
	publicJwk: JWK;
}

export async function createSigningKey(
	alg: SigningAlgorithm
): Promise< SigningKey > {
	const { privateKey, publicKey } = await generateKeyPair( alg, {
		extractable: true,
	} );
	const jwk = await exportJWK( publicKey );
	const kid = await calculateJwkThumbprint( jwk );
	return {
		kid,
		alg,
		privateKey,
		publicJwk: { ...jwk, kid, alg, use: 'sig' },
	};
}

/**
 * The signing key in use and the retired keys still published in the JWKS.
 */
export class KeyStore {
	private current: SigningKey;
	private retired: SigningKey[] = [];

	private constructor( current: SigningKey ) {
		this.current = current;
	}

	static async create(
		alg: SigningAlgorithm = 'RS256'
	): Promise< KeyStore > {
		return new KeyStore( await createSigningKey( alg ) );
	}

	get signing(): SigningKey {
		return this.current;
	}

	/** Keys a verifier may use: the current one and any retired one still published. */
	published(): SigningKey[] {
		return [ this.current, ...this.retired ];
	}

	find( kid: string ): SigningKey | undefined {
		return this.published().find( ( key ) => key.kid === kid );
	}

	/**
	 * Starts signing with a new key. The old key stays published when keepOld is true, so tokens it
	 * signed still verify; otherwise they fail at once, as after an emergency rotation.
	 */
	async rotate( options: {
		keepOld: boolean;
		alg?: SigningAlgorithm;
	} ): Promise< SigningKey > {
		const next = await createSigningKey( options.alg ?? this.current.alg );
		this.retired = options.keepOld ? [ this.current, ...this.retired ] : [];
		this.current = next;
		return next;
	}

	jwks(): { keys: JWK[] } {
		return { keys: this.published().map( ( key ) => key.publicJwk ) };
	}
}
