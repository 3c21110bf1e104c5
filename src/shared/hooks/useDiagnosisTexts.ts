import { useEffect, useState } from '@wordpress/element';

import { fetchDiagnosisTexts } from '../api';
import type { DiagnosisTexts } from '../types';

/**
 * The server's texts for every diagnosis code. The page preloads them, so they are there at once; until
 * then, or if they can't be loaded, callers show a generic line.
 */
export function useDiagnosisTexts(): DiagnosisTexts | null {
	const [ texts, setTexts ] = useState< DiagnosisTexts | null >( null );

	useEffect( () => {
		let isCurrent = true;
		fetchDiagnosisTexts()
			.then( ( loaded ) => {
				if ( isCurrent ) {
					setTexts( loaded );
				}
			} )
			.catch( () => {
				// Findings still show, with their generic line and code.
			} );
		return () => {
			isCurrent = false;
		};
	}, [] );

	return texts;
}
