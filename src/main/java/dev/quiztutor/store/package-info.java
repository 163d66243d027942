/**
 * Persistence: everything a user or a moderator does survives a restart or a crash. SQLite (one
 * file, the default) or PostgreSQL, one schema migrated by Flyway at startup
 * ({@code src/main/resources/db/migration}), small interfaces the rest of the bot depends on
 * ({@link dev.quiztutor.tutor.AttemptJournal}, {@link dev.quiztutor.tutor.History}, {@link
 * dev.quiztutor.store.Figures}, {@link dev.quiztutor.store.TopicTestStore}, {@link
 * dev.quiztutor.store.GuildSettingsStore}) and their SQL implementations. No Discord types: ids are
 * plain longs. Every write commits before it returns (see {@link dev.quiztutor.store.Database} for
 * the durability settings). Start with {@link dev.quiztutor.store.Storage#open}.
 */
package dev.quiztutor.store;
