import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formBody, parseForm } from '../form.js';

test('nested objects, lists of objects, and lists of plain values in both styles', () => {
  const fields = {
    amount: 2000,
    confirm: true,
    description: undefined,
    coupon: null,
    metadata: { order: '6735', note: 'a&b=c' },
    items: [{ price: 'price_1', quantity: 2 }, { price: 'price_2' }],
    expand: ['customer', 'invoice'],
  };
  assert.equal(
    decodeURIComponent(formBody(fields, { lists: 'brackets' }).toString()),
    'amount=2000&confirm=true&coupon=&metadata[order]=6735&metadata[note]=a&b=c&items[0][price]=price_1&items[0][quantity]=2&items[1][price]=price_2&expand[]=customer&expand[]=invoice',
  );
  assert.equal(
    formBody({ To: ['+15551234567', '+15557654321'] }).toString(),
    'To=%2B15551234567&To=%2B15557654321',
  );
});

test('a form reads back into the object it encodes', () => {
  const sent = formBody(
    { metadata: { order: '6735' }, items: [{ price: 'p1', quantity: 2 }], expand: ['customer', 'invoice'] },
    { lists: 'brackets' },
  );
  assert.deepEqual(parseForm(sent), {
    metadata: { order: '6735' },
    items: [{ price: 'p1', quantity: '2' }],
    expand: ['customer', 'invoice'],
  });
  assert.deepEqual(parseForm('To=a&To=b&Body=hi'), { To: ['a', 'b'], Body: 'hi' });
});
