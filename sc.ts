import { Model } from 'survey-core';
import { compileValidator } from './api/src/modules/responses/answer-validator.js';
const def: any = { pages: [
  { name: 'p1', elements: [{ type: 'radiogroup', name: 'q1', choices: ['yes', 'no'], isRequired: true }] },
  { name: 'p2', elements: [{ type: 'text', name: 'q2', isRequired: true }] },
 ], triggers: [{ type: 'complete', expression: "{q1} = 'no'" }, { type: 'skip', expression: "{q1} = 'yes'", gotoName: 'q2' }] };
const m = new Model(def);
m.data = { q1: 'no' };
console.log('survey-core validate', m.validate(false, false));
// Browser flow
const b = new Model(def);
let completed = false;
b.onComplete.add(() => (completed = true));
b.setValue('q1', 'no');
const moved = b.nextPage();
console.log('browser: next', moved, 'completed', completed, 'state', b.state, JSON.stringify(b.data));
const b2 = new Model(def); b2.onComplete.add(()=>completed=true); completed=false;
b2.setValue('q1','no'); b2.completeLastPage?.();
console.log('complete via', completed, b2.state);
console.log('bilanz', JSON.stringify(compileValidator(def).validate({ q1: 'no' }, true)));
