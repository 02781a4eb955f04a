// survey-core ships its translations without type declarations; they only register themselves.
declare module 'survey-core/i18n/*';
