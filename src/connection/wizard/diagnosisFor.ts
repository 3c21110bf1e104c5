/**
 * The diagnosis the wizard opens on when a health row's Fix is pressed: that row's own cause, which may
 * not be the one the status leads with.
 */
import { severityOf, type DiagnosisCode } from '../../shared/codes';
import type {
	CheckResult,
	ConnectionStatus,
	Diagnosis,
	DiagnosisTexts,
} from '../../shared/types';

/**
 * The status' own diagnosis when it is that code, else the server's preloaded texts, else the check's title.
 *
 * @param code   The row's diagnosis code.
 * @param status The connection status.
 * @param texts  GET /diagnoses, when loaded.
 * @param checks The last run of the checks.
 */
export function diagnosisFor(
	code: DiagnosisCode,
	status: ConnectionStatus,
	texts: DiagnosisTexts | null,
	checks: CheckResult[] | null
): Diagnosis {
	if ( status.diagnosis?.code === code ) {
		return status.diagnosis;
	}
	const text = texts?.[ code ];
	if ( text ) {
		return { code, ...text };
	}
	const check = checks?.find( ( item ) => item.code === code );
	return {
		code,
		severity: severityOf( code ),
		title: check?.message || code,
		explanation: '',
		steps: [],
	};
}
