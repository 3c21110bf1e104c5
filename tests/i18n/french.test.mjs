// The shipped French, read as a reader would: words that must agree with the noun they describe.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { parsePo } from '../../bin/i18n/po.mjs';

const PO = path.join(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../../languages/causerie-connector-fr_FR.po'
);

const translation = ( msgid ) =>
	parsePo( fs.readFileSync( PO, 'utf8' ), PO ).entries.find(
		( entry ) => entry.msgid === msgid && ! entry.msgctxt
	)?.msgstr[ 0 ];

test( 'the note under the API address agrees with « adresse », a feminine noun', () => {
	assert.equal(
		translation( 'As shown in the Causerie dashboard.' ),
		'Telle qu’elle apparaît dans le tableau de bord Causerie.'
	);
} );
