// Types for the sentiment packages the stance evaluation compares against (they ship none).
declare module 'sentiment' {
  interface AnalysisResult {
    score: number;
    comparative: number;
  }
  export default class Sentiment {
    analyze(text: string): AnalysisResult;
  }
}

declare module 'vader-sentiment' {
  const vader: {
    SentimentIntensityAnalyzer: {
      polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
    };
  };
  export default vader;
}
