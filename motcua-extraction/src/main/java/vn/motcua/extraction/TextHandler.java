package vn.motcua.extraction;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the body text of Tika's XHTML stream, remembers where the first {@code <div class="page">} ends, stops at
 * the character limit and stops as soon as the caller cancelled (time budget spent).
 */
final class TextHandler extends DefaultHandler {

    private final StringBuilder text = new StringBuilder();
    private final int maxChars;
    private final AtomicBoolean cancelled;
    private boolean inBody;
    private int divDepth;
    private int pageDivDepth = -1;
    private int firstPageEnd = -1;
    private boolean truncated;

    TextHandler(int maxChars, AtomicBoolean cancelled) {
        this.maxChars = maxChars;
        this.cancelled = cancelled;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        checkCancelled();
        String name = localName.isEmpty() ? qName : localName;
        if ("body".equals(name)) {
            inBody = true;
        } else if ("div".equals(name)) {
            divDepth++;
            if (pageDivDepth < 0 && firstPageEnd < 0 && "page".equals(atts.getValue("class"))) {
                pageDivDepth = divDepth;
            }
        } else if ("br".equals(name)) {
            append('\n');
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        switch (name) {
            case "div" -> {
                if (divDepth == pageDivDepth) {
                    firstPageEnd = text.length();
                    pageDivDepth = -1;
                }
                divDepth--;
                append('\n');
            }
            case "p", "td", "th", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "title" -> append('\n');
            case "body" -> inBody = false;
            default -> {
                // inline elements add no line break
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        checkCancelled();
        if (!inBody) {
            return;
        }
        int room = maxChars - text.length();
        if (length > room) {
            text.append(ch, start, Math.max(0, room));
            truncated = true;
            throw new WriteLimitReachedException(maxChars);
        }
        text.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    private void append(char c) throws SAXException {
        if (inBody && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            characters(new char[] {c}, 0, 1);
        }
    }

    private void checkCancelled() throws SAXException {
        if (cancelled.get() || Thread.currentThread().isInterrupted()) {
            throw new SAXException("cancelled: time budget spent");
        }
    }

    String text() {
        return text.toString();
    }

    /** End offset of page 1 in {@link #text()}, or -1 when the format has no pages. */
    int firstPageEnd() {
        return firstPageEnd;
    }

    boolean truncated() {
        return truncated;
    }
}
