/**
 * Getting the support report out of the browser: the clipboard, or a text file.
 */

/**
 * Copies text, through the Clipboard API where the browser allows it (secure contexts only), otherwise
 * through a selection and the legacy copy command.
 *
 * @param text What to copy.
 * @return Whether the text reached the clipboard.
 */
export async function copyText( text: string ): Promise< boolean > {
	if ( typeof navigator.clipboard?.writeText === 'function' ) {
		try {
			await navigator.clipboard.writeText( text );
			return true;
		} catch {
			// Refused (permissions, focus): the legacy way may still work.
		}
	}
	return copyThroughSelection( text );
}

function copyThroughSelection( text: string ): boolean {
	const area = document.createElement( 'textarea' );
	const focused = area.ownerDocument.activeElement;
	area.value = text;
	area.setAttribute( 'readonly', '' );
	area.style.position = 'fixed';
	area.style.opacity = '0';
	document.body.appendChild( area );
	area.focus();
	area.select();
	let copied = false;
	try {
		copied =
			typeof document.execCommand === 'function' &&
			document.execCommand( 'copy' );
	} catch {
		copied = false;
	}
	area.remove();
	// Selecting moved the focus; give it back so keyboard users stay on the Copy button.
	if ( focused instanceof HTMLElement ) {
		focused.focus();
	}
	return copied;
}

/**
 * Offers text as a file download.
 *
 * @param text     The file's content.
 * @param fileName The suggested file name.
 * @param type     The file's media type.
 */
export function downloadText(
	text: string,
	fileName: string,
	type = 'text/plain;charset=utf-8'
): void {
	const url = URL.createObjectURL( new Blob( [ text ], { type } ) );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = fileName;
	document.body.appendChild( link );
	link.click();
	link.remove();
	// Some browsers read the URL after the click returns.
	window.setTimeout( () => URL.revokeObjectURL( url ), 0 );
}

/**
 * A file name that says what and whose the report is: causerie-report-<host>-<date>.txt.
 *
 * @param siteUrl     The site's address.
 * @param generatedAt When the report was made (ISO 8601).
 */
export function reportFileName( siteUrl: string, generatedAt: string ): string {
	let host = 'site';
	try {
		host = new URL( siteUrl ).host || host;
	} catch {
		// Not a URL: keep the generic name.
	}
	const safeHost = host.toLowerCase().replace( /[^a-z0-9.-]+/g, '-' );
	const date = /^\d{4}-\d{2}-\d{2}/.exec( generatedAt )?.[ 0 ] ?? 'undated';
	return `causerie-report-${ safeHost }-${ date }.txt`;
}
