/**
 * career-advice: the Onderwijsloket's desk for people who want to switch into teaching. An anonymous route finder
 * over versioned route data ({@code routes}), advisers' free slots and their booking ({@code agenda}), advice
 * requests and the adviser's case log with the person's data sealed per case ({@code cases}), and the need for
 * teachers near a person, from need-mapping's events, to refer them to a region ({@code need}). See
 * docs/career-advice.md.
 */
package nl.instroom.careeradvice;
