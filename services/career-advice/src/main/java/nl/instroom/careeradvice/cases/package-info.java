/** Advice requests, the adviser's case log, referral, erasure and retention of cases. */
package nl.instroom.careeradvice.cases;
