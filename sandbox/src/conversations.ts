import { randomBytes } from 'node:crypto';

import type { Answer, Source } from './bot-answers';
import type { ContactDetails } from './contact-details';

export interface Message {
	id: string;
	role: 'visitor' | 'bot';
	text: string;
	sent_at: string;
	/** The documents the bot quoted; empty for the visitor's messages and the fallback. */
	sources: Source[];
}

export interface Lead extends ContactDetails {
	id: string;
	conversation_id: string;
	captured_at: string;
	/** Where the visitor was chatting from. */
	origin: string;
	/** Keyset position: leads are numbered in the order captured, across every client. */
	seq: number;
}

export interface Conversation {
	id: string;
	client_id: string;
	origin: string;
	started_at: string;
	messages: Message[];
	lead: Lead | null;
	seq: number;
}

export type Page< T > = { items: T[]; more: boolean };

const newId = ( prefix: string ) =>
	`${ prefix }_${ randomBytes( 9 ).toString( 'base64url' ) }`;

/**
 * The visitors' conversations with each client's bot, and the leads they left. Ids are random, since a visitor
 * continues a conversation by its id alone; the sequence numbers give the keyset order of the listings.
 */
export class ConversationStore {
	private conversations: Conversation[] = [];
	private leads: Lead[] = [];
	private sequence = 0;

	constructor( private readonly nowMs: () => number ) {}

	private now(): string {
		return new Date( this.nowMs() ).toISOString();
	}

	start( clientId: string, origin: string ): Conversation {
		const conversation: Conversation = {
			id: newId( 'conv' ),
			client_id: clientId,
			origin,
			started_at: this.now(),
			messages: [],
			lead: null,
			seq: ++this.sequence,
		};
		this.conversations.push( conversation );
		return conversation;
	}

	get( clientId: string, id: string ): Conversation | undefined {
		return this.conversations.find(
			( each ) => each.id === id && each.client_id === clientId
		);
	}

	/** The visitor's message and the bot's answer; answers the bot's message. */
	exchange(
		conversation: Conversation,
		question: string,
		answer: Answer
	): Message {
		const sentAt = this.now();
		const reply: Message = {
			id: newId( 'msg' ),
			role: 'bot',
			text: answer.text,
			sent_at: sentAt,
			sources: answer.sources,
		};
		conversation.messages.push(
			{
				id: newId( 'msg' ),
				role: 'visitor',
				text: question,
				sent_at: sentAt,
				sources: [],
			},
			reply
		);
		return reply;
	}

	/**
	 * A conversation makes one lead, when the visitor first leaves an email or phone; details left later fill
	 * in what it lacks but do not make it new again, so a poller reads each lead once.
	 */
	capture(
		conversation: Conversation,
		details: ContactDetails
	): { lead: Lead; created: boolean } | undefined {
		if ( details.email === null && details.phone === null ) {
			return undefined;
		}
		if ( conversation.lead ) {
			conversation.lead.email ??= details.email;
			conversation.lead.phone ??= details.phone;
			return { lead: conversation.lead, created: false };
		}
		const lead: Lead = {
			id: newId( 'lead' ),
			conversation_id: conversation.id,
			email: details.email,
			phone: details.phone,
			captured_at: this.now(),
			origin: conversation.origin,
			seq: ++this.sequence,
		};
		conversation.lead = lead;
		this.leads.push( lead );
		return { lead, created: true };
	}

	/** Newest first, those before the one numbered `before` and started at `sinceMs` or later. */
	listConversations(
		clientId: string,
		before: number | undefined,
		limit: number,
		sinceMs?: number
	): Page< Conversation > {
		const matching = this.clientConversations( clientId, sinceMs )
			.filter( ( each ) => before === undefined || each.seq < before )
			.reverse();
		return {
			items: matching.slice( 0, limit ),
			more: matching.length > limit,
		};
	}

	/** How many conversations of the client started at `sinceMs` or later, whatever the page. */
	countConversations( clientId: string, sinceMs?: number ): number {
		return this.clientConversations( clientId, sinceMs ).length;
	}

	private clientConversations(
		clientId: string,
		sinceMs: number | undefined
	): Conversation[] {
		return this.conversations.filter(
			( each ) =>
				each.client_id === clientId &&
				( sinceMs === undefined ||
					Date.parse( each.started_at ) >= sinceMs )
		);
	}

	/**
	 * Oldest first, those after the one numbered `after` and captured at `sinceMs` or later: a poller that keeps
	 * its place never reads one twice.
	 */
	listLeads(
		clientId: string,
		after: number,
		limit: number,
		sinceMs?: number
	): Page< Lead > {
		const matching = this.clientLeads( clientId, sinceMs ).filter(
			( each ) => each.seq > after
		);
		return {
			items: matching.slice( 0, limit ),
			more: matching.length > limit,
		};
	}

	/** How many leads of the client were captured at `sinceMs` or later, whatever the page. */
	countLeads( clientId: string, sinceMs?: number ): number {
		return this.clientLeads( clientId, sinceMs ).length;
	}

	private clientLeads(
		clientId: string,
		sinceMs: number | undefined
	): Lead[] {
		return this.leads.filter( ( each ) => {
			const conversation = this.conversations.find(
				( candidate ) => candidate.id === each.conversation_id
			);
			return (
				conversation?.client_id === clientId &&
				( sinceMs === undefined ||
					Date.parse( each.captured_at ) >= sinceMs )
			);
		} );
	}

	/** Conversations and leads held, for the control API. */
	count(): { conversations: number; leads: number } {
		return {
			conversations: this.conversations.length,
			leads: this.leads.length,
		};
	}

	clear(): void {
		this.conversations = [];
		this.leads = [];
	}
}
