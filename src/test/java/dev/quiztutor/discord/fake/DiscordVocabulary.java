package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.networknt.schema.AnyOfValidator;
import com.networknt.schema.ConstValidator;
import com.networknt.schema.EnumValidator;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.TypeValidator;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.Vocabularies;
import com.networknt.schema.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON Schema 2020-12 as Discord's validator actually applies the spec, where the two differ:
 *
 * <ul>
 *   <li>Numeric strings pass where an integer is expected: Discord coerces them (its error code
 *       for a non-numeric one is NUMBER_TYPE_COERCE), and JDA relies on it, sending command
 *       {@code contexts} and {@code integration_types} as {@code ["0","1"]}. So {@code type},
 *       {@code const} and {@code enum} retry a failing string as the number it spells. The other
 *       way round, an integer passes where a string is expected in {@code attachments}: Discord's own
 *       file-upload docs give a new file's attachment as {@code {"id": 0}}, its index in the
 *       request, and JDA sends it so when a deferred reply is edited to carry a file.
 *   <li>{@code oneOf} is checked as "at least one alternative fits" ({@code anyOf}): Discord takes
 *       the first alternative that fits (the spec itself writes several such unions as
 *       {@code anyOf} marked {@code x-discord-union: oneOf}), and with coercion a nonce like
 *       {@code "8559886894583277910"} fits both the int64 and the string branch.
 * </ul>
 */
final class DiscordVocabulary {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private DiscordVocabulary() {}

    /** The number a string spells, or null. */
    static JsonNode asNumber(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.asText();
        if (INTEGER.matcher(text).matches()) {
            try {
                return LongNode.valueOf(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (NUMBER.matcher(text).matches()) {
            return DecimalNode.valueOf(new BigDecimal(text));
        }
        return null;
    }

    /** The built-in vocabulary of that IRI, with type/const/enum replaced; null for unknown IRIs. */
    static Vocabulary vocabulary(String iri) {
        Vocabulary builtIn = Vocabularies.getVocabulary(iri);
        if (builtIn == null) {
            return null;
        }
        List<Keyword> keywords = new ArrayList<>();
        for (Keyword k : builtIn.getKeywords()) {
            switch (k.getValue()) {
                case "type":
                    keywords.add(type());
                    break;
                case "const":
                    keywords.add(constant());
                    break;
                case "enum":
                    keywords.add(enumeration());
                    break;
                case "oneOf":
                    keywords.add(keyword("oneOf", AnyOfValidator::new));
                    break;
                default:
                    keywords.add(k);
            }
        }
        return new Vocabulary(iri, keywords.toArray(new Keyword[0]));
    }

    static Keyword type() {
        return keyword("type", Type::new);
    }

    static Keyword constant() {
        return keyword("const", Const::new);
    }

    static Keyword enumeration() {
        return keyword("enum", Enum::new);
    }

    private interface Factory {
        JsonValidator create(SchemaLocation location, JsonNodePath path, JsonNode schemaNode, JsonSchema parent, ValidationContext context);
    }

    private static Keyword keyword(String name, Factory factory) {
        return new Keyword() {
            @Override
            public String getValue() {
                return name;
            }

            @Override
            public JsonValidator newValidator(SchemaLocation location, JsonNodePath path, JsonNode schemaNode, JsonSchema parent,
                    ValidationContext context) {
                return factory.create(location, path, schemaNode, parent, context);
            }
        };
    }

    static final class Type extends TypeValidator {
        Type(SchemaLocation location, JsonNodePath path, JsonNode schemaNode, JsonSchema parent, ValidationContext context) {
            super(location, path, schemaNode, parent, context);
        }

        @Override
        public boolean equalsToSchemaType(JsonNode node) {
            if (super.equalsToSchemaType(node)) {
                return true;
            }
            JsonNode number = asNumber(node);
            return number != null && super.equalsToSchemaType(number);
        }

        @Override
        public Set<ValidationMessage> validate(ExecutionContext ctx, JsonNode node, JsonNode root, JsonNodePath location) {
            Set<ValidationMessage> errors = super.validate(ctx, node, root, location);
            if (!errors.isEmpty()) {
                JsonNode number = asNumber(node);
                if (number != null && super.validate(ctx, number, root, location).isEmpty()) {
                    return Collections.emptySet();
                }
                if (node.isIntegralNumber() && location.toString().contains("attachments") && super.validate(ctx,
                        com.fasterxml.jackson.databind.node.TextNode.valueOf(node.asText()), root, location).isEmpty()) {
                    return Collections.emptySet();
                }
            }
            return errors;
        }
    }

    static final class Const extends ConstValidator {
        Const(SchemaLocation location, JsonNodePath path, JsonNode schemaNode, JsonSchema parent, ValidationContext context) {
            super(location, path, schemaNode, parent, context);
        }

        @Override
        public Set<ValidationMessage> validate(ExecutionContext ctx, JsonNode node, JsonNode root, JsonNodePath location) {
            Set<ValidationMessage> errors = super.validate(ctx, node, root, location);
            if (!errors.isEmpty()) {
                JsonNode number = asNumber(node);
                if (number != null && super.validate(ctx, number, root, location).isEmpty()) {
                    return Collections.emptySet();
                }
            }
            return errors;
        }
    }

    static final class Enum extends EnumValidator {
        Enum(SchemaLocation location, JsonNodePath path, JsonNode schemaNode, JsonSchema parent, ValidationContext context) {
            super(location, path, schemaNode, parent, context);
        }

        @Override
        public Set<ValidationMessage> validate(ExecutionContext ctx, JsonNode node, JsonNode root, JsonNodePath location) {
            Set<ValidationMessage> errors = super.validate(ctx, node, root, location);
            if (!errors.isEmpty()) {
                JsonNode number = asNumber(node);
                if (number != null && super.validate(ctx, number, root, location).isEmpty()) {
                    return Collections.emptySet();
                }
            }
            return errors;
        }
    }
}
