import { Provider } from '@nestjs/common';
import { AppConfig } from '@sro/config';
import { S3DocumentStorage } from './document.s3-storage';
import { DocumentStorage, LocalDocumentStorage } from './document.storage';

/** The document store the configuration names (DOCUMENT_STORE): a local directory by default, or S3. */
export const DOCUMENT_STORAGE_PROVIDER: Provider = {
  provide: DocumentStorage,
  inject: [AppConfig],
  useFactory: (config: AppConfig): DocumentStorage =>
    config.documents.store === 's3' ? new S3DocumentStorage(config.documents.s3!) : new LocalDocumentStorage(config.documents.dir),
};
