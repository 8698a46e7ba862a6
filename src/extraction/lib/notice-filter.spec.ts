import { isNotice } from './notice-filter';
import { splitSentences } from './sentence-splitter';

const notice = (text: string) => isNotice(splitSentences(text)[0].tokens, text);

describe('isNotice', () => {
  it.each([
    ['an appeal for witnesses', 'Anyone who saw the crash is asked to contact the police on 101.'],
    ['an appeal to avoid an area', 'Drivers are urged to avoid the ring road until Friday.'],
    ['an instruction', 'Call the helpline on 0800 123 456 for advice.'],
    ['a schedule', 'The second hearing is scheduled for March 3 at 2pm in Courtroom 4.'],
    ['a venue', 'The count will take place at the leisure centre on Friday.'],
    ['a sale date', 'Tickets go on sale on Monday.'],
  ])('reads %s as a notice', (_form, text) => {
    expect(notice(text)).toBe(true);
  });

  it.each([
    ['a closure with its cost in jobs', 'The plant is scheduled to close in 2025, cutting 3,000 jobs.'],
    ['a forecast', 'Unemployment is expected to fall to 4 percent next year.'],
    ['a past event', 'The summit took place in Kigali in March.'],
  ])('keeps %s as a claim', (_form, text) => {
    expect(notice(text)).toBe(false);
  });
});
