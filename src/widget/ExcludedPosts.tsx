import { FormTokenField } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { searchPosts } from '../shared/api/widget';

interface Props {
	ids: number[];
	/** Titles the server gave for the excluded posts. */
	titles: Map< number, string >;
	onChange: ( ids: number[] ) => void;
}

/** Waits this long after the last key before searching, so typing a word costs one request. */
const SEARCH_DELAY_MS = 250;

/** WordPress gives titles as HTML (`&#8217;`); tokens show text. */
function plain( html: string ): string {
	return (
		new DOMParser().parseFromString( html, 'text/html' ).documentElement
			.textContent ?? html
	);
}

/**
 * A token names its post's id, so two posts with one title stay apart.
 *
 * @param id    Post id.
 * @param title Its title, if known.
 */
function tokenOf( id: number, title: string | undefined ): string {
	return sprintf(
		/* translators: 1: a post title, 2: its id. */
		__( '%1$s (#%2$d)', 'causerie-connector' ),
		title || __( '(no title)', 'causerie-connector' ),
		id
	);
}

/**
 * The pages where the chatbot doesn't show: found by a search over the site's public content.
 *
 * @param props          Component props.
 * @param props.ids      The excluded posts.
 * @param props.titles   Their titles, as the server gave them.
 * @param props.onChange Records the new list.
 */
export function ExcludedPosts( { ids, titles, onChange }: Props ) {
	const [ input, setInput ] = useState( '' );
	const [ known, setKnown ] = useState( () => new Map( titles ) );
	const [ found, setFound ] = useState< number[] >( [] );

	useEffect( () => {
		const search = input.trim();
		if ( search.length < 2 ) {
			setFound( [] );
			return;
		}
		let current = true;
		const timer = setTimeout( () => {
			searchPosts( search ).then(
				( posts ) => {
					if ( ! current ) {
						return;
					}
					setKnown( ( before ) => {
						const next = new Map( before );
						posts.forEach( ( post ) =>
							next.set( post.id, plain( post.title ) )
						);
						return next;
					} );
					setFound( posts.map( ( post ) => post.id ) );
				},
				() => current && setFound( [] )
			);
		}, SEARCH_DELAY_MS );
		return () => {
			current = false;
			clearTimeout( timer );
		};
	}, [ input ] );

	const idOf = new Map(
		[ ...ids, ...found ].map( ( id ) => [
			tokenOf( id, known.get( id ) ),
			id,
		] )
	);
	return (
		<FormTokenField
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ __( 'Pages without the chatbot', 'causerie-connector' ) }
			value={ ids.map( ( id ) => tokenOf( id, known.get( id ) ) ) }
			suggestions={ found.map( ( id ) =>
				tokenOf( id, known.get( id ) )
			) }
			onInputChange={ setInput }
			onChange={ ( tokens ) =>
				// Text typed without choosing a suggestion names no post: it is dropped.
				onChange(
					tokens.flatMap( ( token ) => {
						const id = idOf.get(
							typeof token === 'string' ? token : token.value
						);
						return id === undefined ? [] : [ id ];
					} )
				)
			}
			help={ __(
				"Type two letters or more of a page's title, then choose the page from the list.",
				'causerie-connector'
			) }
			placeholder={ __( 'Search for a page', 'causerie-connector' ) }
		/>
	);
}
