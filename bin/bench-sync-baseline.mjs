// The limit for `npm run bench:sync`: the least any client can do to upload the site's documents. It
// finds the token endpoint, gets a token by client_credentials, then sends the documents exported by
// bin/wp/bench-export.php with POST /v1/knowledge/batch, 100 at a time, one request after the other.
//
//   node bin/bench-sync-baseline.mjs SANDBOX_URL DOCUMENTS.jsonl [CLIENT_ID CLIENT_SECRET]
//
// Prints one JSON line: {documents, requests, seconds, perSecond, refused}. The plugin's sync is held to
// half its documents/s.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const BATCH = 100;
const [
	sandboxUrl,
	file,
	clientId = 'wp-staging',
	clientSecret = 'sandbox-staging-secret',
] = process.argv.slice( 2 );
if ( ! sandboxUrl || ! file ) {
	throw new Error(
		'usage: bench-sync-baseline.mjs SANDBOX_URL DOCUMENTS.jsonl [CLIENT_ID CLIENT_SECRET]'
	);
}

async function json( response, what ) {
	const text = await response.text();
	if ( ! response.ok ) {
		throw new Error( `${ what }: ${ response.status } ${ text }` );
	}
	return JSON.parse( text );
}

const start = performance.now();
let requests = 0;

const metadata = await json(
	await fetch( `${ sandboxUrl }/.well-known/oauth-authorization-server` ),
	'metadata'
);
const { access_token: token } = await json(
	await fetch( metadata.token_endpoint, {
		method: 'POST',
		headers: {
			authorization: `Basic ${ Buffer.from(
				`${ clientId }:${ clientSecret }`
			).toString( 'base64' ) }`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials&scope=write%3Aknowledge',
	} ),
	'token'
);

let documents = 0;
let refused = 0;
async function send( items ) {
	requests++;
	const { results } = await json(
		await fetch( `${ sandboxUrl }/v1/knowledge/batch`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${ token }`,
				'content-type': 'application/json',
			},
			body: JSON.stringify( { items } ),
		} ),
		'batch'
	);
	for ( const result of results ) {
		if ( result.status === 'ok' ) {
			documents++;
		} else {
			refused++;
			process.stderr.write(
				`refused ${ result.source_id }: ${ result.error } ${ result.error_description }\n`
			);
		}
	}
}

let items = [];
for await ( const line of createInterface( {
	input: createReadStream( file ),
	crlfDelay: Infinity,
} ) ) {
	if ( line === '' ) {
		continue;
	}
	const { source_id: sourceId, ...document } = JSON.parse( line );
	items.push( {
		op: 'upsert',
		source_id: `bench-baseline:${ sourceId }`,
		document,
	} );
	if ( items.length === BATCH ) {
		await send( items );
		items = [];
	}
}
if ( items.length > 0 ) {
	await send( items );
}

const seconds = ( performance.now() - start ) / 1000;
process.stdout.write(
	JSON.stringify( {
		documents,
		requests,
		seconds: Number( seconds.toFixed( 3 ) ),
		perSecond: Number( ( documents / seconds ).toFixed( 1 ) ),
		refused,
	} ) + '\n'
);
