import {
	Card,
	CardBody,
	CardFooter,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import type { ReactNode } from 'react';

import type { RestError } from '../shared/types';

interface Props {
	title: string;
	/** The tab that holds the details, and the link's words. */
	detail: { tab: string; label: string };
	onOpen: ( tab: string ) => void;
	/** Null while the card's data loads. */
	children: ReactNode | null;
	/** Why the card's data could not be read. */
	error?: RestError | null;
}

/**
 * One card of the overview: a title, a few plain lines, and a link to the tab with the details. The link is
 * a real `#tab` address, so it opens in a new browser tab too.
 *
 * @param props          Component props.
 * @param props.title    The card's title.
 * @param props.detail   The tab it links to.
 * @param props.onOpen   Opens a tab of the screen.
 * @param props.children The card's lines; null while they load.
 * @param props.error    Why they could not be read.
 */
export function OverviewCard( {
	title,
	detail,
	onOpen,
	children,
	error = null,
}: Props ) {
	let body: ReactNode = children;
	if ( error && children === null ) {
		body = (
			<Notice status="warning" isDismissible={ false }>
				{ error.message }
			</Notice>
		);
	} else if ( children === null ) {
		body = <Spinner />;
	}
	return (
		<Card className="causerie-overview__card" size="small">
			<CardHeader>
				<h2>{ title }</h2>
			</CardHeader>
			<CardBody aria-busy={ children === null && ! error }>
				{ body }
			</CardBody>
			<CardFooter>
				<a
					href={ `#${ detail.tab }` }
					onClick={ ( event ) => {
						event.preventDefault();
						onOpen( detail.tab );
					} }
				>
					{ detail.label }
				</a>
			</CardFooter>
		</Card>
	);
}
