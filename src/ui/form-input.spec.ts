import { ApiError } from '../common/api-error';
import { CreateReviewerDto } from '../reviewers/dto/reviewer.dto';
import { listField, optionalField, validatedAs } from './form-input';

describe('the admin console’s form input', () => {
  it('reads a comma list, dropping blanks and spaces', () => {
    expect(listField(' en, fr ,,de ')).toEqual(['en', 'fr', 'de']);
    expect(listField('')).toEqual([]);
    expect(listField(undefined)).toEqual([]);
  });

  it('treats a select’s empty option as no value', () => {
    expect(optionalField('')).toBeUndefined();
    expect(optionalField('abc')).toBe('abc');
  });

  it('hands on what the API’s DTO accepts, without the fields left undefined', async () => {
    const dto = await validatedAs(CreateReviewerDto, { name: 'Rita', email: 'rita@example.org', languages: ['en'], capacity: 3, topics: undefined });
    expect(dto).toBeInstanceOf(CreateReviewerDto);
    expect(dto).toEqual({ name: 'Rita', email: 'rita@example.org', languages: ['en'], capacity: 3 });
  });

  it('refuses what the API would refuse, as validation_failed naming each field', async () => {
    const refusal = await validatedAs(CreateReviewerDto, { name: 'Rita', email: 'not an email', languages: ['english'], capacity: Number('x') }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).getStatus()).toBe(400);
    expect((refusal as ApiError).details).toEqual({
      email: [expect.stringContaining('email')],
      languages: ['each language must be an ISO 639-1 code such as en'],
      capacity: expect.arrayContaining([expect.stringContaining('integer')]),
    });
  });
});
