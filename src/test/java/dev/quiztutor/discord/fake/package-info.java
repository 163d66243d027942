/**
 * A fake Discord for end-to-end tests and benchmarks of the bot: a real JDA connects to it over
 * 127.0.0.1, so nothing outside the machine is needed.
 *
 * <p>Start with {@link dev.quiztutor.discord.fake.FakeDiscord} (its class comment has a complete
 * example). The pieces:
 * <ul>
 *   <li>{@link dev.quiztutor.discord.fake.FakeDiscord}: the servers (REST on the JDK's HTTP
 *       server, the gateway on a small RFC 6455 server), the world (guilds, channels, users), the
 *       interaction drivers ({@code slashCommand}, {@code autocomplete}, {@code clickButton},
 *       {@code selectMenu}, {@code submitModal}) and the recordings;
 *   <li>{@link dev.quiztutor.discord.fake.InteractionHandle}: one dispatched interaction and the
 *       bot's answers to it ({@link dev.quiztutor.discord.fake.Callback}, edits, follow-ups);
 *   <li>{@link dev.quiztutor.discord.fake.FakeMessage}: a message the bot made, as stored and
 *       edited; what a person clicks on;
 *   <li>{@link dev.quiztutor.discord.fake.ProtocolViolation}: what Discord would refuse, found by
 *       checking every request body against Discord's OpenAPI spec
 *       ({@code src/test/resources/discord-api-spec/openapi.json});
 *   <li>{@link dev.quiztutor.discord.fake.RateLimits}: Discord's per-route buckets and its global
 *       limit of 50 requests a second, each off until switched on; with
 *       {@link dev.quiztutor.discord.fake.FakeDiscord#restLatency} a simulated round trip, for
 *       benchmarks of what waiting on Discord costs.
 * </ul>
 *
 * <p>Rules a test should keep: build JDA with {@code setRestConfig(discord.restConfig())},
 * {@code setSessionController(discord.sessionController())} and
 * {@code setCompression(Compression.NONE)}; wait with
 * {@link dev.quiztutor.discord.fake.FakeDiscord#awaitConnected} (not {@code awaitReady()});
 * shut JDA down ({@code shutdownNow()} + {@code awaitShutdown()}) before closing the fake; end
 * with {@link dev.quiztutor.discord.fake.FakeDiscord#assertNoProtocolViolations()}.
 */
package dev.quiztutor.discord.fake;
