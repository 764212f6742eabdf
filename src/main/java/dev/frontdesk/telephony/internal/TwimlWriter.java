package dev.frontdesk.telephony.internal;

import com.twilio.twiml.TwiML;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes a twilio-java TwiML document as the same XML as its {@code toXml()}, without what makes
 * {@code toXml()} expensive. twilio-java builds a DOM with a new {@code DocumentBuilder} (a whole XML
 * parser, created for every document) and prints it with a new XSLT identity {@code Transformer}: about 5%
 * of a node's CPU in the voice load test. Here twilio-java still builds the elements (tag and attribute
 * names, attribute values and their order are its own), in a document from a {@link DOMImplementation}
 * made once, and the tree is printed directly with the escaping of the JDK's serializer (checked
 * character by character against {@code toXml()} by {@code TwimlWriterTest}).
 *
 * <p>The element builder is twilio-java's protected {@code buildXmlElement}, reached through a method
 * handle. Should a later twilio-java change that method, or should a text hold a character XML does not
 * allow, {@link #write} answers null and the caller falls back to {@code toXml()} (which reports such
 * characters as it always did).
 */
final class TwimlWriter {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static final DOMImplementation DOM = domImplementation();
    private static final MethodHandle BUILD = buildXmlElement();

    private TwimlWriter() {}

    /** The XML of the document, exactly as {@code toXml()} writes it, or null when it cannot be written here. */
    static String write(TwiML twiml) {
        if (DOM == null || BUILD == null) {
            return null;
        }
        Node root;
        try {
            Document document = DOM.createDocument(null, null, null);
            document.setXmlStandalone(true);
            root = (Node) BUILD.invoke(twiml, document);
        } catch (Throwable e) {
            return null;
        }
        StringBuilder out = new StringBuilder(256).append(DECLARATION);
        return root instanceof Element element && element(element, out) ? out.toString() : null;
    }

    /** Appends the element; false when a text holds a character XML 1.0 does not allow. */
    private static boolean element(Element element, StringBuilder out) {
        String tag = element.getTagName();
        out.append('<').append(tag);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            out.append(' ').append(attribute.getNodeName()).append("=\"");
            if (!escape(attribute.getNodeValue(), true, out)) {
                return false;
            }
            out.append('"');
        }
        Node child = element.getFirstChild();
        if (child == null || (child.getNextSibling() == null && isEmptyText(child))) {
            out.append("/>");
            return true;
        }
        out.append('>');
        for (; child != null; child = child.getNextSibling()) {
            boolean written = child.getNodeType() == Node.ELEMENT_NODE
                    ? element((Element) child, out)
                    : escape(child.getNodeValue(), false, out);
            if (!written) {
                return false;
            }
        }
        out.append("</").append(tag).append('>');
        return true;
    }

    private static boolean isEmptyText(Node node) {
        return node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().isEmpty();
    }

    /**
     * Appends text as the JDK's serializer does: {@code & < >} as entities, {@code "} too in an attribute, a
     * carriage return (and in an attribute a line feed or tab) and characters beyond the Basic Multilingual
     * Plane as character references, everything else as it is (UTF-8).
     */
    private static boolean escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append("&#")
                                .append(Character.toCodePoint(c, text.charAt(++i)))
                                .append(';');
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        return false;
                    } else if (!attribute && c >= 0x7F && c <= 0x9F) {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return true;
    }

    private static DOMImplementation domImplementation() {
        try {
            return DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder()
                    .getDOMImplementation();
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static MethodHandle buildXmlElement() {
        try {
            return MethodHandles.privateLookupIn(TwiML.class, MethodHandles.lookup())
                    .findVirtual(TwiML.class, "buildXmlElement", MethodType.methodType(Node.class, Document.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
