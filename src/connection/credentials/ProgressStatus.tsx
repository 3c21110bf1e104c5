import { Spinner } from '@wordpress/components';

interface Props {
	busy: boolean;
	message: string;
}

/**
 * A polite live region that stays in the page, so screen readers announce each change of its text:
 * the progress of a request, then its result in one sentence.
 */
export function ProgressStatus( { busy, message }: Props ) {
	return (
		<div className="causerie-progress" role="status" aria-live="polite">
			{ busy && <Spinner /> }
			{ message }
		</div>
	);
}
