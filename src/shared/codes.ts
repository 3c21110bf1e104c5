/**
 * The diagnosis codes, read from the same file as the PHP engine (includes/Diagnosis/codes.json), so the
 * two sides can't drift. The plain-language texts come from the server, translated.
 */
import catalog from '../../includes/Diagnosis/codes.json';

export type DiagnosisCode = keyof typeof catalog.codes;
export type Severity = 'error' | 'warning' | 'info';

/** What codes.json says of a code: Catalog::codes() on the server. */
export interface CatalogEntry {
	severity: string;
	source: string;
	/** The wizard's fix kind, checked in connection/wizard/causes.ts. */
	fix: string;
	/** Whether the wizard opens by itself for it when the screen loads. */
	wizard: boolean;
}

export const DIAGNOSIS_CODES = Object.keys( catalog.codes ) as DiagnosisCode[];

export function isDiagnosisCode( value: string ): value is DiagnosisCode {
	return Object.prototype.hasOwnProperty.call( catalog.codes, value );
}

export function catalogEntry( code: DiagnosisCode ): CatalogEntry {
	return catalog.codes[ code ];
}

/**
 * How bad a code is; an error for a code this build does not know (a newer server).
 *
 * @param code A diagnosis code, as the server sent it.
 */
export function severityOf( code: string ): Severity {
	return isDiagnosisCode( code )
		? ( catalog.codes[ code ].severity as Severity )
		: 'error';
}
