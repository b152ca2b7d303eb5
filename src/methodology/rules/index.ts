// Every rule the engine knows, by id. A methodology version may use any subset, with its own parameters.

import answerRate from './answer-rate.ts';
import answerTime from './answer-time.ts';
import avatar from './avatar.ts';
import childrenData from './children-data.ts';
import clips from './clips.ts';
import commentsOpen from './comments-open.ts';
import contacts from './contacts.ts';
import cover from './cover.ts';
import description from './description.ts';
import discussion from './discussion.ts';
import erViews from './er-views.ts';
import feedbackWidgets from './feedback-widgets.ts';
import gospublikiConnected from './gospubliki-connected.ts';
import lastPost from './last-post.ts';
import live from './live.ts';
import longestSilence from './longest-silence.ts';
import noAds from './no-ads.ts';
import noObscenity from './no-obscenity.ts';
import officialName from './official-name.ts';
import openPage from './open-page.ts';
import openingHours from './opening-hours.ts';
import ownContent from './own-content.ts';
import pinnedPost from './pinned-post.ts';
import plainLanguage from './plain-language.ts';
import polls from './polls.ts';
import postingFrequency from './posting-frequency.ts';
import reach from './reach.ts';
import rubrics from './rubrics.ts';
import type { Rule } from './rule.ts';
import siteBacklink from './site-backlink.ts';
import stateMark from './state-mark.ts';
import topic from './topic.ts';
import twoFactor from './two-factor.ts';
import video from './video.ts';
import visuals from './visuals.ts';
import website from './website.ts';

export const rules: ReadonlyMap<string, Rule> = new Map(
  [
    answerRate,
    answerTime,
    avatar,
    childrenData,
    clips,
    commentsOpen,
    contacts,
    cover,
    description,
    discussion,
    erViews,
    feedbackWidgets,
    gospublikiConnected,
    lastPost,
    live,
    longestSilence,
    noAds,
    noObscenity,
    officialName,
    openPage,
    openingHours,
    ownContent,
    pinnedPost,
    plainLanguage,
    polls,
    postingFrequency,
    reach,
    rubrics,
    siteBacklink,
    stateMark,
    topic,
    twoFactor,
    video,
    visuals,
    website,
  ].map((rule) => [rule.id, rule as Rule]),
);
