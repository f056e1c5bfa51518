// Lexicon 2026.12.8 (docs/decisions/0066-language-who-and-frames.md): who a sentence is about and who
// holds the agency, read from its grammar, and frames of blame rather than single phrasings. Every
// sentence was written for this file, not taken from an evaluation set. Checked against 2026.12.7:
// it misses every harmful one but "a sex worker in all but name", "dating an adult", "is her partner",
// "has led to her being exploited", "could be exploited" and "offering sexual acts ... in return for",
// and flags six of the thirteen careful ones; the others guard a new reading against reaching too far.
import { test } from 'node:test'
import { careful, harmful } from './sentences-under-test.ts'

test('the object of a relative clause is not the subject of the verb after it', () => {
  careful('The van driver who collected Aisha from school was streetwise about cameras.')
  careful('The man that drove her to Leeds was streetwise and careful.')
  // the subject itself is still read: the child as the one the clause is about
  harmful('Aisha, who was collected by the van driver, is streetwise.')
})

test('a noun phrase that names an adult, or an act done to adults, is not about the child', () => {
  careful('An adult sex worker in the same block has been spoken to by the neighbourhood team.')
  careful('The landlord is under investigation for prostituting adult women from the flat above.')
  // the same words of the child are still found, and dating an adult is the harm itself
  harmful('Aisha is a sex worker in all but name.')
  harmful('Aisha is dating an adult man she met online.')
})

test("someone else's own partner is theirs; the child's abuser named as her partner is still found", () => {
  careful("Aisha's cousin, who is 24, has moved in with her partner in Hull.")
  harmful('The man, who is 31, is her partner.')
})

test('blame words the same sentence explains as the abuse are answered; the abuse as their result is not', () => {
  careful('Although Aisha has said she wants to see the men, we understand that as the result of grooming and threats.')
  careful('Tom recruits boys from the estate; Aisha is one of the children he has exploited.')
  harmful("Aisha's risky behaviour has led to her being exploited.")
  harmful('Aisha has put herself in a position where she could be exploited.')
})

test('a condition on the child that would end the harm is hindsight; what was done to her is not', () => {
  harmful('If Aisha would only come home on time the risk would go away.')
  harmful('Had Mary-Jane stayed in her room, none of this would have happened.')
  harmful('She could walk away at any time, but she keeps going back.')
  careful('Had she been believed, none of this would have happened.')
  careful('If she had been protected, none of this would have happened.')
})

test("the child's account of coercion as a claim answered by her own conduct, and her capacity to consent", () => {
  harmful('Aisha claims she was threatened but went back to the flat the next day.')
  harmful('Now 16, Aisha is able to consent to the relationship with Mr Dunn.')
  // a claim answered by what the police did, and consent ruled out, are not
  careful('Aisha says she was threatened but is too frightened to make a statement.')
  careful('Aisha is not able to consent to the relationship with Mr Dunn.')
})

test('exchanges written from the child’s side, going with adults for what they give, playing people', () => {
  harmful('Aisha was offering sexual acts to the men at the garage in return for cigarettes.')
  harmful('Aisha goes with the older men for lifts and vodka.')
  harmful('Aisha plays the professionals off against each other.')
  careful('Aisha plays netball with the girls from her class on Thursdays.')
})

test('shorthand: a verb of saying read as a noun, a bare "own accord", the complainant, an age before a comma', () => {
  harmful('YP states went of own accord, no further action.')
  harmful('Own choice.')
  harmful('The complainant had every opportunity to leave the flat.')
  harmful('Pt (14) reports sex with "partner" (30), consensual.')
  careful('The suspect, Mr Dunn (41), is streetwise and avoids the cameras.')
})

test("a will said on an agentless passive about adults is the child's; missing episodes given a will", () => {
  harmful('The men were let into the flat, and the vodka was taken willingly.')
  careful('The cigarettes were handed over willingly by the men to the officers.')
  harmful("Aisha's missing episodes are deliberate.")
  careful("Aisha's missing episodes are not deliberate: she is moved by the group.")
})
