import type { ArticleEntity } from '../../articles/article.entity';
import type { Principal } from '../../auth/principal';
import { html } from './html';
import { csrfField, layout } from './layout';
import { typed } from './refused-form';

/**
 * Post article (no article yet) or Post revision of `article`: the API's article fields, each with a visible label.
 * The body starts on the line after `<textarea>`, whose first newline the parser drops, so a leading newline survives.
 */
export function articleFormPage(principal: Principal, article: ArticleEntity | null): string {
  const title = article ? `New revision of “${article.title}”` : 'Post article';
  const action = article ? `/ui/articles/${article.id}/revisions` : '/ui/articles';
  const value = (name: string, stored: string | null | undefined) => typed(action, name, stored);
  return layout(
    { title, principal, section: '/ui/articles' },
    html`<nav class="crumbs" aria-label="Breadcrumb"><a href="/ui/articles">Articles</a> › ${article ? html`<a href="/ui/articles/${article.id}">${article.title}</a> › ` : ''}<span>${article ? 'New revision' : 'Post article'}</span></nav>
    <h1>${title}</h1>
    ${article ? html`<p class="muted">Now at revision ${article.revision}. Claims whose text is unchanged keep their status and history; new ones are queued; vanished ones are withdrawn.</p>` : ''}
    <form class="panel article-form" method="post" action="${action}">
      ${csrfField(principal)}
      <label for="article-title">Title</label>
      <input id="article-title" name="title" type="text" required maxlength="1000" value="${value('title', article?.title)}">
      <label for="article-body">Body</label>
      <textarea id="article-body" name="body" rows="18" required>
${value('body', article?.body)}</textarea>
      <label for="article-url">URL</label>
      <input id="article-url" name="url" type="url" inputmode="url" maxlength="2000" placeholder="https://…" value="${value('url', article?.url)}">
      <label for="article-language">Language</label>
      <input id="article-language" name="language" type="text" pattern="[a-z]{2}" maxlength="2" value="${value('language', article?.language ?? 'en')}" aria-describedby="article-language-hint">
      <p class="hint muted" id="article-language-hint">An ISO 639-1 code such as en.</p>
      <label for="article-topics">Topics</label>
      <input id="article-topics" name="topics" type="text" value="${value('topics', article?.topics.join(', '))}" aria-describedby="article-topics-hint">
      <p class="hint muted" id="article-topics-hint">Separated by commas; reviewers who cover a topic get its claims first.</p>
      <button type="submit" class="primary">${article ? 'Post revision' : 'Post article'}</button>
    </form>`,
  ).value;
}
