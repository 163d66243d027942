package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Discord user as the fake knows it: the bot itself or a person who drives interactions.
 * Users are global; in a guild they act through their {@link FakeMember}.
 */
public final class FakeUser {
    private final long id;
    private final String username;
    private final String globalName;
    private final boolean bot;
    private volatile String locale = "en-US";

    FakeUser(long id, String username, String globalName, boolean bot) {
        this.id = id;
        this.username = username;
        this.globalName = globalName;
        this.bot = bot;
    }

    public long id() {
        return id;
    }

    public String idString() {
        return Json.id(id);
    }

    public String username() {
        return username;
    }

    public boolean isBot() {
        return bot;
    }

    /** The client locale the user's interactions report (default {@code en-US}). */
    public String locale() {
        return locale;
    }

    /** Makes this user's interactions report another client locale, e.g. {@code "de"}. */
    public FakeUser withLocale(String locale) {
        this.locale = locale;
        return this;
    }

    /** The user object as Discord sends it. */
    public ObjectNode toJson() {
        ObjectNode u = Json.object();
        u.put("id", idString());
        u.put("username", username);
        u.putNull("avatar");
        u.put("discriminator", "0");
        u.put("public_flags", 0);
        u.put("flags", 0);
        if (bot) {
            u.put("bot", true);
        }
        if (globalName == null) {
            u.putNull("global_name");
        } else {
            u.put("global_name", globalName);
        }
        u.putNull("avatar_decoration_data");
        u.putNull("collectibles");
        u.putNull("display_name_styles");
        u.putNull("banner_color");
        u.putNull("clan");
        u.putNull("primary_guild");
        return u;
    }

    @Override
    public String toString() {
        return username + "(" + idString() + ")";
    }
}
