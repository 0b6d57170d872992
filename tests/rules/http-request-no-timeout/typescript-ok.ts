// bastion-fixture: src/server/clients.ts
// ok: http-request-no-timeout
import axios from 'axios';

export const payments = axios.create({
  baseURL: process.env.PAYMENTS_URL,
  timeout: 5_000,
  headers: { 'Content-Type': 'application/json' },
});

export async function charge(amount: number): Promise<string> {
  const res = await payments.post('/charges', { amount });
  return res.data.id;
}
