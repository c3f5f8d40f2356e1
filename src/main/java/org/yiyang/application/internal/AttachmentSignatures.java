package org.yiyang.application.internal;

/** The leading bytes ("magic numbers") of the allowed attachment types: a declared type must match the content. */
final class AttachmentSignatures {
    private AttachmentSignatures() {
    }

    static boolean matches(String contentType, byte[] content) {
        return switch (contentType) {
            case "application/pdf" -> startsWith(content, new int[]{0x25, 0x50, 0x44, 0x46, 0x2D}); // %PDF-
            case "image/jpeg" -> startsWith(content, new int[]{0xFF, 0xD8, 0xFF});
            case "image/png" -> startsWith(content, new int[]{0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A});
            default -> false;
        };
    }

    private static boolean startsWith(byte[] content, int[] signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
