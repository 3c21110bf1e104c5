import { Button } from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

interface Props {
	/** Whether it starts open, such as when one of its fields has a value. */
	initialOpen: boolean;
	/** Keeps it open, such as while one of its fields is at fault. */
	forceOpen?: boolean;
	children: ReactNode;
}

/**
 * A disclosure for settings few sites need. The closed fields stay in the page, hidden, so the button always
 * controls an element that exists.
 */
export function AdvancedSection( {
	initialOpen,
	forceOpen = false,
	children,
}: Props ) {
	const [ open, setOpen ] = useState( initialOpen );
	const id = useId();
	const isOpen = open || forceOpen;
	return (
		<div className="causerie-advanced">
			<Button
				variant="tertiary"
				icon={ isOpen ? 'arrow-up-alt2' : 'arrow-down-alt2' }
				iconPosition="right"
				aria-expanded={ isOpen }
				aria-controls={ id }
				onClick={ () => setOpen( ! isOpen ) }
			>
				{ __( 'Advanced', 'causerie-connector' ) }
			</Button>
			<div
				id={ id }
				className="causerie-advanced__fields"
				hidden={ ! isOpen }
			>
				{ children }
			</div>
		</div>
	);
}
