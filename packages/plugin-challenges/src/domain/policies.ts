import type { FilePolicy } from '@distrito/core'

/** Resources a sponsor shares: briefs, data dictionaries, sample data. */
export const RESOURCE_POLICY: FilePolicy = { maxBytes: 20 * 1024 * 1024, types: ['pdf', 'docx', 'xlsx', 'pptx', 'csv', 'txt', 'png', 'jpeg'] }
/** Attachments of a proposal: documents and images, never executables or archives. */
export const ATTACHMENT_POLICY: FilePolicy = { maxBytes: 10 * 1024 * 1024, types: ['pdf', 'docx', 'xlsx', 'pptx', 'png', 'jpeg', 'csv'] }
