import { createServer, type Socket } from 'node:net';
import formBody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';

import type { EndpointGroup, Fault } from './faults';
import { MAX_REQUEST_HEAD_BYTES } from './knowledge-limits';
import type { Modes } from './modes';
import { OAuthError, sendOAuthError } from './oauth-errors';
import { registerApiRoutes } from './routes/api';
import { registerChatRoutes } from './routes/chat';
import { registerControlRoutes } from './routes/control';
import { registerOAuthRoutes } from './routes/oauth';
import { SandboxState } from './state';

export interface StartOptions {
	host?: string;
	/** The authorization server's port; 0 or absent: any free port. */
	port?: number;
	/** Given (0: any free port), the protected API gets its own origin on this port. */
	apiPort?: number;
	/** Start-time modes, over the defaults; a reset goes back to them. */
	modes?: Partial< Modes >;
}

export interface Sandbox {
	/** The authorization server's origin, also the issuer. */
	url: string;
	/** The protected API's origin: `url` unless the origins are split. */
	apiUrl: string;
	state: SandboxState;
	/** The authorization server's app (the only one when the origins are not split). */
	app: FastifyInstance;
	close: () => Promise< void >;
}

declare module 'fastify' {
	interface FastifyContextConfig {
		endpoint?: EndpointGroup;
	}
}

/** A request that hangs is cut after this long, so no socket is held for ever. */
const HANG_LIMIT_MS = 120_000;

const sleep = ( ms: number ) =>
	new Promise< void >( ( resolve ) => setTimeout( resolve, ms ) );

async function probePort( host: string ): Promise< number > {
	return new Promise( ( resolve, reject ) => {
		const probe = createServer();
		probe.once( 'error', reject );
		probe.listen( 0, host, () => {
			const address = probe.address();
			probe.close( () =>
				typeof address === 'object' && address
					? resolve( address.port )
					: reject( new Error( 'no port' ) )
			);
		} );
	} );
}

/** A free port, other than those already chosen. */
async function freePort(
	host: string,
	taken: number[] = []
): Promise< number > {
	for (;;) {
		const port = await probePort( host );
		if ( ! taken.includes( port ) ) {
			return port;
		}
	}
}

/**
 * Answers with the injected failure instead of the real response.
 */
function sendFault(
	reply: FastifyReply,
	fault: Fault,
	hanging: Set< Socket >
): FastifyReply | undefined {
	switch ( fault.mode ) {
		case '500':
		case '502':
		case '503':
			return reply.code( Number( fault.mode ) ).send( {
				error: 'server_error',
				error_description: `Injected ${ fault.mode }`,
			} );
		case '429':
			return reply
				.code( 429 )
				.header( 'retry-after', String( fault.retryAfter ) )
				.send( {
					error: 'rate_limited',
					error_description: 'Too many requests',
				} );
		case 'html':
			// What a proxy, firewall or maintenance page sends: a web page with a success status.
			return reply
				.code( 200 )
				.type( 'text/html; charset=utf-8' )
				.send(
					'<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>We will be back soon</h1></body></html>'
				);
		case 'truncated':
			return reply
				.code( 200 )
				.type( 'application/json' )
				.send(
					'{"access_token":"eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJpc3MiOi'
				);
		case 'hang': {
			reply.hijack();
			const socket = reply.raw.socket;
			if ( socket ) {
				hanging.add( socket );
				socket.once( 'close', () => hanging.delete( socket ) );
				setTimeout( () => socket.destroy(), HANG_LIMIT_MS ).unref();
			}
			return undefined;
		}
	}
}

/**
 * Starts a sandbox on host:port (port 0: any free port); its issuer is that base URL. With `apiPort`, the
 * protected API listens on its own origin, as when the authorization server is a separate service.
 */
export async function startSandbox(
	options: StartOptions = {}
): Promise< Sandbox > {
	const host = options.host ?? '127.0.0.1';
	const port = options.port || ( await freePort( host ) );
	const url = `http://${ host }:${ port }`;
	const split = options.apiPort !== undefined;
	const apiPort = split
		? options.apiPort || ( await freePort( host, [ port ] ) )
		: port;
	const apiUrl = `http://${ host }:${ apiPort }`;
	const state = await SandboxState.create( url, {
		apiUrl,
		modes: options.modes ?? {},
	} );
	const hanging = new Set< Socket >();

	const app = await createApp( state, hanging );
	registerOAuthRoutes( app, state );
	registerControlRoutes( app, state );
	const api = split ? await createApp( state, hanging ) : app;
	registerApiRoutes( api, state );
	registerChatRoutes( api, state );
	if ( split ) {
		// A convenience: the control API answers on both origins.
		registerControlRoutes( api, state );
	}
	await app.listen( { host, port } );
	if ( split ) {
		await api.listen( { host, port: apiPort } );
	}
	const apps = split ? [ app, api ] : [ app ];
	return {
		url,
		apiUrl,
		state,
		app,
		close: async () => {
			for ( const socket of hanging ) {
				socket.destroy();
			}
			await Promise.all( apps.map( ( each ) => each.close() ) );
		},
	};
}

/**
 * A Fastify app with what every origin shares: body parsing, latency and faults, request counters, the
 * Date header from the sandbox clock, and error answers in each endpoint's own format.
 */
async function createApp(
	state: SandboxState,
	hanging: Set< Socket >
): Promise< FastifyInstance > {
	const app = Fastify( {
		logger: false,
		forceCloseConnections: true,
		http: { maxHeaderSize: MAX_REQUEST_HEAD_BYTES },
		// Control requests are validated strictly: no silent dropping of unknown fields, no type coercion.
		ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
	} );
	await app.register( formBody );
	// Any other body type reaches the handlers, which refuse it in their own error format.
	app.addContentTypeParser(
		'*',
		{ parseAs: 'string' },
		( _request, payload, done ) => done( null, payload )
	);

	app.addHook( 'onRequest', async ( request, reply ) => {
		const endpoint = request.routeOptions.config.endpoint;
		if ( ! endpoint ) {
			return undefined;
		}
		// Counted before any fault: each is an outbound call the client made.
		state.counters.countRequest( endpoint );
		const latency = state.faults.latencyFor( endpoint );
		if ( latency > 0 ) {
			await sleep( latency );
		}
		const fault = state.faults.take( endpoint );
		return fault ? sendFault( reply, fault, hanging ) : undefined;
	} );
	// The Date header comes from the sandbox clock: clients diagnose clock skew from it.
	app.addHook( 'onSend', async ( _request, reply, payload ) => {
		reply.header( 'date', new Date( state.clock.nowMs() ).toUTCString() );
		return payload;
	} );
	app.addHook( 'onResponse', async ( request, reply ) => {
		if ( request.routeOptions.config.endpoint === 'api' ) {
			state.counters.countApiCall( reply.statusCode );
		}
	} );
	app.setErrorHandler(
		async (
			error: { statusCode?: number; message?: string },
			request,
			reply
		) => {
			const endpoint = request.routeOptions.config.endpoint;
			const status = error.statusCode ?? 500;
			const message = error.message ?? 'Unexpected error';
			if (
				( endpoint === 'token' ||
					endpoint === 'revoke' ||
					endpoint === 'introspect' ) &&
				status < 500
			) {
				return sendOAuthError(
					reply,
					new OAuthError( 'invalid_request', message )
				);
			}
			return reply.code( status ).send( {
				error: status < 500 ? 'invalid_request' : 'server_error',
				error_description: message,
			} );
		}
	);

	return app;
}
