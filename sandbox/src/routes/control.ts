import type { FastifyInstance } from 'fastify';

import { AUTH_METHODS, type AuthMethod } from '../client-auth';
import {
	ENDPOINTS,
	FAULT_MODES,
	type Endpoint,
	type FaultMode,
} from '../faults';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from '../keys';
import { mintToken, SIGNINGS, type MintRequest } from '../mint';
import { MODE_SCHEMA, type Modes } from '../modes';
import type { SandboxState } from '../state';
import { registerClientRoutes } from './control-clients';
import { registerConversationControlRoutes } from './control-conversations';
import { registerKnowledgeControlRoutes } from './control-knowledge';
import { bodySchema as body } from './schema';

/** The control API's prefix: no real Causerie path starts with it. */
export const CONTROL_PREFIX = '/__sandbox';

const LOOPBACK = new Set( [ '127.0.0.1', '::1', '::ffff:127.0.0.1' ] );

/**
 * Fault injection and observation, for tests and for a person reproducing a failure by hand.
 * Loopback only.
 */
export function registerControlRoutes(
	app: FastifyInstance,
	state: SandboxState
): void {
	app.register(
		async ( control ) => {
			control.addHook( 'onRequest', async ( request, reply ) => {
				if ( ! LOOPBACK.has( request.socket.remoteAddress ?? '' ) ) {
					return reply.code( 403 ).send( {
						error: 'forbidden',
						error_description:
							'The control API answers loopback only',
					} );
				}
				return undefined;
			} );

			control.get( '/state', async () => ( {
				issuer: state.issuer,
				apiUrl: state.apiUrl,
				audience: state.audience,
				modes: state.modes,
				clockSkewSeconds: state.clock.skew,
				serverTime: new Date( state.clock.nowMs() ).toISOString(),
				authMethods: state.authMethods,
				signingKey: {
					kid: state.keys.signing.kid,
					alg: state.keys.signing.alg,
				},
				publishedKids: state.keys.published().map( ( key ) => key.kid ),
				clients: state.clients.all(),
				...state.faults.describe(),
				counters: state.counters,
			} ) );

			// An empty body is a configuration reset; { "full": true } also drops keys and tokens.
			control.post( '/reset', async ( request, reply ) => {
				const options = request.body ?? {};
				const valid =
					typeof options === 'object' &&
					Object.entries( options ).every(
						( [ key, value ] ) =>
							key === 'full' && typeof value === 'boolean'
					);
				if ( ! valid ) {
					return reply.code( 400 ).send( {
						error: 'invalid_request',
						error_description:
							'The body may only hold { "full": true|false }',
					} );
				}
				const full = ( options as { full?: boolean } ).full === true;
				await state.reset( { full } );
				return { reset: full ? 'full' : 'configuration' };
			} );

			registerClientRoutes( control, state );
			registerKnowledgeControlRoutes( control, state );
			registerConversationControlRoutes( control, state );

			control.get( '/modes', async () => state.modes );
			control.put< { Body: Partial< Modes > } >(
				'/modes',
				{ schema: body( MODE_SCHEMA ) },
				async ( request ) => state.setModes( request.body )
			);

			control.post< {
				Body: { keepOld?: boolean; alg?: SigningAlgorithm };
			} >(
				'/keys/rotate',
				{
					schema: body( {
						keepOld: { type: 'boolean' },
						alg: { enum: [ ...SIGNING_ALGORITHMS ] },
					} ),
				},
				async ( request ) => {
					const options = request.body ?? {};
					const key = await state.keys.rotate( {
						keepOld: options.keepOld ?? false,
						...( options.alg ? { alg: options.alg } : {} ),
					} );
					return {
						kid: key.kid,
						alg: key.alg,
						publishedKids: state.keys
							.published()
							.map( ( k ) => k.kid ),
					};
				}
			);

			control.put< { Body: { skewSeconds: number } } >(
				'/clock',
				{
					schema: body( { skewSeconds: { type: 'integer' } }, [
						'skewSeconds',
					] ),
				},
				async ( request ) => {
					state.clock.setSkew( request.body.skewSeconds );
					return {
						clockSkewSeconds: state.clock.skew,
						serverTime: new Date(
							state.clock.nowMs()
						).toISOString(),
					};
				}
			);

			control.put< { Body: { endpoint?: Endpoint; ms: number } } >(
				'/latency',
				{
					schema: body(
						{
							endpoint: { enum: [ ...ENDPOINTS ] },
							ms: { type: 'integer', minimum: 0 },
						},
						[ 'ms' ]
					),
				},
				async ( request ) => {
					state.faults.setLatency(
						request.body.endpoint ?? 'all',
						request.body.ms
					);
					return state.faults.describe();
				}
			);

			control.post< {
				Body: {
					endpoint?: Endpoint;
					mode: FaultMode;
					count?: number;
					retryAfter?: number;
				};
			} >(
				'/faults',
				{
					schema: body(
						{
							endpoint: { enum: [ ...ENDPOINTS ] },
							mode: { enum: [ ...FAULT_MODES ] },
							count: { type: 'integer', minimum: 1 },
							retryAfter: { type: 'integer', minimum: 0 },
						},
						[ 'mode' ]
					),
				},
				async ( request, reply ) => {
					const {
						endpoint = 'all',
						mode,
						count = 1,
						retryAfter = 30,
					} = request.body;
					return reply.code( 201 ).send(
						state.faults.add( {
							endpoint,
							mode,
							count,
							retryAfter,
						} )
					);
				}
			);

			control.delete( '/faults', async () => {
				state.faults.clear();
				return state.faults.describe();
			} );

			control.put< { Body: { methods: AuthMethod[] } } >(
				'/auth-methods',
				{
					schema: body(
						{
							methods: {
								type: 'array',
								items: { enum: [ ...AUTH_METHODS ] },
								minItems: 1,
								uniqueItems: true,
							},
						},
						[ 'methods' ]
					),
				},
				async ( request ) => {
					state.authMethods = [ ...request.body.methods ];
					return { authMethods: state.authMethods };
				}
			);

			control.get( '/counters', async () => state.counters );
			control.delete( '/counters', async () => {
				state.counters.reset();
				return state.counters;
			} );

			control.post< { Body: MintRequest } >(
				'/tokens',
				{
					schema: body(
						{
							clientId: { type: 'string' },
							expiresIn: { type: 'integer' },
							issuedIn: { type: 'integer' },
							scope: { type: 'string' },
							environment: { type: 'string' },
							issuer: { type: 'string' },
							audience: { type: 'string' },
							typ: { type: 'string' },
							sign: { enum: [ ...SIGNINGS ] },
						},
						[ 'clientId' ]
					),
				},
				async ( request, reply ) => {
					const client = state.clients.get( request.body.clientId );
					if ( ! client ) {
						return reply.code( 404 ).send( {
							error: 'no_such_client',
							error_description: `No client ${ request.body.clientId }`,
						} );
					}
					return reply.code( 201 ).send( {
						access_token: await mintToken(
							state,
							client,
							request.body
						),
					} );
				}
			);
		},
		{ prefix: CONTROL_PREFIX }
	);
}
