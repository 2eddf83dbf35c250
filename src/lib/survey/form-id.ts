/** The survey page's form, which the language buttons in the page header also submit. */
export const SURVEY_FORM_ID = 'survey-page';
