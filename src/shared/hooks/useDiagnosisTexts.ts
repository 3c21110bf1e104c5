import { fetchDiagnosisTexts } from '../api/troubleshooting';
import type { DiagnosisTexts } from '../types';
import { useRequest } from './useRequest';

/**
 * The server's texts for every diagnosis code. The page preloads them, so they are there at once; until
 * then, or if they can't be loaded, callers show a generic line (findings still show, with their code).
 */
export function useDiagnosisTexts(): DiagnosisTexts | null {
	return useRequest( fetchDiagnosisTexts, { args: [] } ).data;
}
