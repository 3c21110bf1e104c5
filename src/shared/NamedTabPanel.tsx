import { TabPanel } from '@wordpress/components';
import { useLayoutEffect, useRef } from '@wordpress/element';
import type { ComponentProps } from 'react';

export type NamedTabPanelProps = ComponentProps< typeof TabPanel > & {
	/** What the strip of tabs holds, as screen readers announce it. */
	label: string;
};

/**
 * A TabPanel whose strip of tabs has an accessible name. TabPanel passes no label to its tablist, and the
 * Tabs component that would is still private to Gutenberg, so the name is set on the element it renders.
 *
 * @param props       The TabPanel's props.
 * @param props.label The tablist's accessible name.
 */
export function NamedTabPanel( { label, ...props }: NamedTabPanelProps ) {
	const panel = useRef< HTMLDivElement >( null );
	// After every render: the tablist is TabPanel's own element, which it may render anew.
	useLayoutEffect( () => {
		panel.current
			?.querySelector( '[role="tablist"]' )
			?.setAttribute( 'aria-label', label );
	} );
	return <TabPanel ref={ panel } { ...props } />;
}
