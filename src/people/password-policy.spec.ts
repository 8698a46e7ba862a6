import { passwordProblem } from './password-policy';

describe('password policy', () => {
  const person = { email: 'ada.lovelace@example.org' };

  it('refuses a password shorter than 12 characters, counting characters rather than bytes', () => {
    expect(passwordProblem('short-pass1', person)).toMatch(/at least 12/);
    expect(passwordProblem('ééééékçàüöñ', person)).toMatch(/at least 12/);
  });

  it('refuses a common password of 12 characters or more, whatever its case', () => {
    expect(passwordProblem('1qaz2wsx3edc', person)).toMatch(/most common/);
    expect(passwordProblem('PASSWORD1234', person)).toMatch(/most common/);
  });

  it('refuses one character repeated and passwords containing the email', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa', person)).toMatch(/too few characters/);
    expect(passwordProblem('my ada.lovelace pass', person)).toMatch(/email/);
  });

  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('orange kettle drums at noon', person)).toBeNull();
  });
});
