import { Notice, Spinner } from '@wordpress/components';
import { lazy, Suspense } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { FunctionComponent } from 'react';

function LoadFailed() {
	return (
		<Notice status="error" isDismissible={ false }>
			{ __(
				'This tab could not be loaded. Reload the page to try again.',
				'causerie-connector'
			) }
		</Notice>
	);
}

/**
 * A tab whose code is a chunk of its own, fetched the first time the tab opens, so the screen's first paint
 * doesn't carry it. A chunk that fails to load (the plugin updated meanwhile, the network) says so in the
 * tab instead of taking the screen down.
 *
 * @param load Imports the chunk and picks the component, such as
 *             `() => import( './widget/ChatbotTab' ).then( ( m ) => m.ChatbotTab )`.
 */
export function lazyPanel< Props extends object >(
	load: () => Promise< FunctionComponent< Props > >
): FunctionComponent< Props > {
	// React's types can't follow a generic component through lazy(); the component is the one loaded.
	const Panel = lazy( () =>
		load().then(
			( component ) => ( { default: component } ),
			() => ( { default: LoadFailed as FunctionComponent< Props > } )
		)
	) as unknown as FunctionComponent< Props >;
	return ( props: Props ) => (
		<Suspense fallback={ <Spinner /> }>
			<Panel { ...props } />
		</Suspense>
	);
}
