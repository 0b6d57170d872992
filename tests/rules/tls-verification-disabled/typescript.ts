// bastion-fixture: src/services/legacy-erp.ts
import https from 'https';
import axios from 'axios';

// The ERP's certificate expired and nobody renewed it; this makes the calls "work".
// expect: tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: false });

export const erp = axios.create({
  baseURL: 'https://erp.internal.example.com/api',
  httpsAgent: agent,
  timeout: 10_000,
});
