/**
 * Reads credentials pasted in one go. Dashboards copy them in different shapes: a JSON object, "id:secret",
 * or two lines. One paste then fills both fields.
 */

export interface PastedCredentials {
	clientId: string;
	clientSecret: string;
}

function fromJson( text: string ): PastedCredentials | null {
	try {
		const value: unknown = JSON.parse( text );
		if ( typeof value !== 'object' || value === null ) {
			return null;
		}
		const record = value as Record< string, unknown >;
		const clientId = record.client_id ?? record.clientId;
		const clientSecret = record.client_secret ?? record.clientSecret;
		return typeof clientId === 'string' && typeof clientSecret === 'string'
			? { clientId: clientId.trim(), clientSecret: clientSecret.trim() }
			: null;
	} catch {
		return null;
	}
}

/**
 * Both credentials, when the text holds both; null for a single value.
 *
 * @param text What was pasted.
 */
export function parsePastedCredentials(
	text: string
): PastedCredentials | null {
	const trimmed = text.trim();
	if ( trimmed.startsWith( '{' ) ) {
		return fromJson( trimmed );
	}
	const lines = trimmed
		.split( /\r?\n/ )
		.map( ( line ) =>
			line.replace( /^[\w ]*(id|secret)\s*[:=]\s*/i, '' ).trim()
		)
		.filter( ( line ) => line !== '' );
	const [ first, second ] = lines;
	if ( lines.length === 2 && first && second ) {
		return { clientId: first, clientSecret: second };
	}
	// "id:secret" as in HTTP Basic; a client id holds no colon (RFC 6749 §2.3.1 encodes one if it did).
	const [ , id, secret ] = /^([^\s:]+):(\S+)$/.exec( trimmed ) ?? [];
	return id && secret ? { clientId: id, clientSecret: secret } : null;
}
