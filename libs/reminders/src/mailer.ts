import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '@sro/config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per reminder, channel and recipient: a receiving system can drop a repeat. */
  messageId: string;
}

/** Sends e-mail over SMTP, or writes .eml files in development. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    const { mail } = config;
    this.transport =
      mail.transport === 'smtp'
        ? nodemailer.createTransport({
            url: mail.smtpUrl!,
            pool: true,
            maxConnections: 5,
            connectionTimeout: 5_000,
            greetingTimeout: 5_000,
            socketTimeout: 10_000,
          } as nodemailer.TransportOptions)
        : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
    if (this.config.mail.transport === 'file') {
      mkdirSync(this.config.mail.dir!, { recursive: true });
      const name = mail.messageId.replace(/[^A-Za-z0-9._-]/g, '_');
      writeFileSync(join(this.config.mail.dir!, `${name}.eml`), (info as unknown as { message: Buffer }).message);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
