import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { toRestError } from '../api/rest';
import type { RestError } from '../types';

export interface UseRequest< T, A extends unknown[] > {
	/** The last answer kept; null until one arrives. A failure leaves the previous answer in place. */
	data: T | null;
	isBusy: boolean;
	/** Why the last request failed; cleared when the next one starts. */
	error: RestError | null;
	/**
	 * Sends the request, and resolves to whether it succeeded. Only the latest call's answer is kept: an
	 * answer that arrives after a newer call, or after unmounting, is dropped.
	 */
	run: ( ...args: A ) => Promise< boolean >;
	/**
	 * Takes an answer the screen already has (what a save returned), without sending anything. A request
	 * under way still lands when it answers.
	 */
	replace: ( answer: T ) => void;
}

export interface RequestOptions< T, A extends unknown[] > {
	/**
	 * Arguments to send the request with as soon as the component mounts, and again whenever they change
	 * (compared by value); without them the request is sent only when `run` is called.
	 */
	args?: A | undefined;
	/** An answer already at hand (preloaded with the page), so the first paint needs no request. */
	initial?: T | undefined;
}

/**
 * One REST request's state, the `{ data, isBusy, error }` every screen shows, without each hook keeping
 * its own flags and its own guard against late answers.
 *
 * @param request Sends the request (a function of src/shared/api/).
 * @param options When to send it by itself.
 */
export function useRequest< T, A extends unknown[] = [] >(
	request: ( ...args: A ) => Promise< T >,
	options: RequestOptions< T, A > = {}
): UseRequest< T, A > {
	const { args, initial } = options;
	const [ data, setData ] = useState< T | null >( initial ?? null );
	const [ error, setError ] = useState< RestError | null >( null );
	const [ isBusy, setIsBusy ] = useState( args !== undefined );
	const latest = useRef( 0 );
	const isMounted = useRef( false );
	// The caller may pass a new function each render; the latest one is sent.
	const send = useRef( request );
	send.current = request;

	const run = useCallback( ( ...callArgs: A ): Promise< boolean > => {
		latest.current += 1;
		const call = latest.current;
		const isLatest = () => isMounted.current && latest.current === call;
		setIsBusy( true );
		setError( null );
		return send
			.current( ...callArgs )
			.then(
				( answer ) => {
					if ( isLatest() ) {
						setData( answer );
					}
					return true;
				},
				( reason: unknown ) => {
					if ( isLatest() ) {
						setError( toRestError( reason ) );
					}
					return false;
				}
			)
			.finally( () => {
				if ( isLatest() ) {
					setIsBusy( false );
				}
			} );
	}, [] );

	useEffect( () => {
		isMounted.current = true;
		return () => {
			isMounted.current = false;
		};
	}, [] );

	// Arguments are compared by value, so that callers may pass a new array each render.
	const key = args === undefined ? null : JSON.stringify( args );
	const argsRef = useRef( args );
	argsRef.current = args;
	useEffect( () => {
		if ( argsRef.current !== undefined ) {
			void run( ...argsRef.current );
		}
	}, [ key, run ] );

	const replace = useCallback( ( answer: T ) => setData( answer ), [] );

	return { data, isBusy, error, run, replace };
}
